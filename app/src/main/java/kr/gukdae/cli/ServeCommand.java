package kr.gukdae.cli;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** {@code gukdae serve}: the web UI and REST API, until stopped. */
@Component
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the web UI and REST API (GUKDAE_PORT, default 8080; GUKDAE_ADDRESS).")
class ServeCommand implements GukdaeCommand {

  private final Environment environment;

  ServeCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    System.out.println(
        Terminal.pick("gukdae 서비스 주소: ", "gukdae is serving at ")
            + Launcher.webAddress(environment));
    return 0;
  }
}
