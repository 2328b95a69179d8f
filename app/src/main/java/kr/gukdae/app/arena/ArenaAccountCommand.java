package kr.gukdae.app.arena;

import java.util.Set;
import kr.gukdae.app.access.AccountCommand;
import kr.gukdae.app.access.Accounts;
import kr.gukdae.app.access.Role;
import kr.gukdae.cli.GukdaeCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The arena's older account command, kept for scripts that use it: {@code ADMIN} is an office
 * account that also votes as an expert. {@code gukdae account} creates accounts of any role.
 */
@Component
@Command(
    name = "arena-account",
    mixinStandardHelpOptions = true,
    description = {
      "Create an arena account (expert user or administrator); see also 'gukdae account'.",
      "The password is read from the environment variable named by --password-env,"
          + " so it never appears in the process list or shell history."
    })
class ArenaAccountCommand implements GukdaeCommand {

  @Option(names = "--username", required = true, description = "3-64 letters, digits, . _ -")
  String username;

  @Option(
      names = "--role",
      defaultValue = "EXPERT",
      description = "EXPERT or ADMIN (default ${DEFAULT-VALUE})")
  String role;

  @Option(
      names = "--password-env",
      defaultValue = "GUKDAE_ARENA_PASSWORD",
      description = "environment variable holding the password (default ${DEFAULT-VALUE})")
  String passwordEnv;

  private final Accounts accounts;

  ArenaAccountCommand(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Integer call() {
    Set<Role> roles =
        switch (role.toUpperCase(java.util.Locale.ROOT)) {
          case "ADMIN" -> Set.of(Role.OFFICE, Role.EXPERT);
          case "EXPERT" -> Set.of(Role.EXPERT);
          default ->
              throw kr.gukdae.UserError.of(
                  "--role '" + role + "': EXPERT 또는 ADMIN을 사용하세요",
                  "--role '" + role + "': use EXPERT or ADMIN");
        };
    return AccountCommand.create(accounts, username, roles, null, passwordEnv);
  }
}
