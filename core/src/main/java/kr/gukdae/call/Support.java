package kr.gukdae.call;

/** The kinds of support a call offers; an application asks for at least one. */
public enum Support {
  GPU,
  DATA,
  TALENT
}
