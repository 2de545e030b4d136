/** The letters options are called by on the projector, the phones and paper ("answer B"). */
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
