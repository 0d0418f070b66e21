package io.statecraft.importer;

/**
 * Why a source cannot be adopted, in one line that says what is wrong, where, and what to do.
 * Nothing has been written when it is thrown.
 */
public final class AdoptionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AdoptionException(String message) {
    super(message);
  }
}
