import { fieldErrorText } from "../../model/api/common.ts";

/**
 * A domain error: the input names something that cannot be used (an id that does not exist where
 * it must, a change that contradicts another). Thrown without knowing about HTTP; the one error
 * handler (server/plugins/errors.ts) answers 400 with the field it names.
 */
export class InvalidInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(fieldErrorText({ field, message: reason }));
    this.name = "InvalidInputError";
  }
}
