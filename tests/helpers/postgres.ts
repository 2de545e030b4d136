/**
 * A database of its own on the throwaway PostgreSQL server of `scripts/test-postgres.sh`, for a
 * test that must not share tables with the others; dropped (connections and all) at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function testDatabase(url: string, prefix: string) {
	const name = `${prefix}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client(url);
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	const target = new URL(url);
	target.pathname = `/${name}`;
	return {
		url: target.toString(),
		async drop() {
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	};
}
