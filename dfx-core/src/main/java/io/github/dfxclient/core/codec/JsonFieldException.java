package io.github.dfxclient.core.codec;

/**
 * A JSON object lacks a field it must have, has {@code null} where a value is required, or has a
 * value of the wrong type. {@link #field()} names the field by its path from the object read (e.g.
 * {@code identityProviders[0].iconURL}); the message names the field and the expected type and never
 * quotes a value.
 */
public final class JsonFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the field. */
  public enum Problem {
    /** The field is absent, and it is required. */
    MISSING,
    /** The field is {@code null}, and it is not nullable. */
    NULL,
    /** The field's value is of another JSON type (or out of the type's range). */
    WRONG_TYPE
  }

  /** The field's path. */
  private final String field;
  /** What is wrong. */
  private final Problem problem;
  /** The expected type, e.g. "a string". */
  private final String expected;
  /** What was found instead, e.g. "a number"; empty for {@link Problem#MISSING}. */
  private final String found;

  JsonFieldException(String field, Problem problem, String expected, String found) {
    super(compose(field, problem, expected, found));
    this.field = field;
    this.problem = problem;
    this.expected = expected;
    this.found = found;
  }

  private static String compose(String field, Problem problem, String expected, String found) {
    switch (problem) {
      case MISSING:
        return "lacks the required field \"" + field + "\" (" + expected + ")";
      case NULL:
        return "has null in the field \"" + field + "\", which must be " + expected;
      default:
        return "has " + found + " in the field \"" + field + "\", which must be " + expected;
    }
  }

  /** @return the same problem, for the field at {@code parent} + "." + this field */
  JsonFieldException under(String parent) {
    JsonFieldException e = new JsonFieldException(parent + "." + field, problem, expected, found);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** @return the field's path from the object read, e.g. {@code Policies.LoginUser} */
  public String field() {
    return field;
  }

  /** @return what is wrong with it */
  public Problem problem() {
    return problem;
  }

  /** @return the type the field must have, e.g. {@code "a string"} */
  public String expected() {
    return expected;
  }
}
