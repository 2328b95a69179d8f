package kr.gukdae.app.arena;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The person behind a request: an opaque voter id, their class and, for accounts, the name. A
 * public voter is either anonymous (no name) or has registered an account (a name); {@code
 * verified} says an administrator recorded the account's identity check. It travels with the
 * session so a vote can record it without reading the account.
 */
record Voter(String id, VoterClass voterClass, @Nullable String username, boolean verified) {
  Voter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(voterClass, "voterClass");
    if (username == null && voterClass != VoterClass.PUBLIC) {
      throw new IllegalArgumentException("experts and administrators have a username");
    }
    if (verified && (username == null || voterClass != VoterClass.PUBLIC)) {
      throw new IllegalArgumentException("only a public voter's account is verified");
    }
  }

  /**
   * The account name of a voter that must have one (an expert or administrator, checked by the
   * constructor); a public voter without an account here is a programming error.
   */
  String accountName() {
    if (username == null) {
      throw new IllegalStateException("voter " + id + " has no account");
    }
    return username;
  }

  /** An anonymous public voter, known only by a session cookie. */
  static Voter anonymous(String id) {
    return new Voter(id, VoterClass.PUBLIC, null, false);
  }

  /** The voter of an account; the id is stable across sessions, so limits follow the person. */
  static Voter account(String username, VoterClass voterClass, boolean verified) {
    return new Voter("user-" + username, voterClass, username, verified);
  }
}
