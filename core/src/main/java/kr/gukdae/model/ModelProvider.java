package kr.gukdae.model;

/**
 * An adapter family ({@code demo}, {@code openai}, …), found with {@link java.util.ServiceLoader}
 * from {@code META-INF/services/kr.gukdae.model.ModelProvider}, so adding one edits no central
 * list.
 */
public interface ModelProvider {

  /** The prefix before the slash in a model spec. */
  String id();

  /** One line for {@code gukdae models}: what this adapter talks to. */
  String description();

  /** {@link #description()} in Korean ({@code gukdae tasks --lang ko}). */
  String descriptionKo();

  ModelApi open(ModelSpec spec);

  /**
   * Whether the adapter runs inside this process and sends nothing over the network (the demo
   * models). Only such adapters may be named freely; a web platform lets requests name a remote
   * model only once an administrator has registered its endpoint and key.
   */
  default boolean local() {
    return false;
  }
}
