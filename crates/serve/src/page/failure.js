// A request to the back end that failed, with what to tell her.

/** A failure in words for the person at the page (and the answer, if any). */
export class Failure extends Error {
  constructor(message, answer) {
    super(message);
    this.answer = answer || null;
  }
}
