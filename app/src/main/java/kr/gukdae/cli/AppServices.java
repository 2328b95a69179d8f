package kr.gukdae.cli;

import java.nio.file.Path;

/**
 * What a {@link StandaloneCommand} takes from the application only on the paths that need it
 * (storing a verdict, reading the database ledger): asking for a service may start the Spring
 * context (without a web server), so a run that never asks starts none.
 */
public interface AppServices {

  /** The application's service of this type (a Spring bean), started on first use. */
  <T> T get(Class<T> type);

  /** The data folder ({@code gukdae.home}: {@code GUKDAE_HOME}, default {@code ~/.gukdae}). */
  Path home();
}
