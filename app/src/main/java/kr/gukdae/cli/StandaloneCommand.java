package kr.gukdae.cli;

/**
 * A command that runs without the Spring context: picocli calls it directly, so it starts in a
 * fraction of a second. Its constructor takes nothing or only {@link AppServices}, through which it
 * reaches the database on the paths that need it. It stays a Spring bean too, so the full command
 * tree (and tests built on the context) still contains it.
 */
public interface StandaloneCommand extends GukdaeCommand {}
