package kr.gukdae.app.access;

import java.util.Set;
import kr.gukdae.UserError;
import kr.gukdae.cli.GukdaeCommand;
import kr.gukdae.cli.Terminal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates platform accounts from the shell; the first office account has to come from somewhere.
 */
@Component
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = {
      "Create an account with one or more roles: office, reviewer, team, expert, voter.",
      "The password is read from the environment variable named by --password-env,"
          + " so it never appears in the process list or shell history."
    })
public class AccountCommand implements GukdaeCommand {

  @Option(names = "--username", required = true, description = "3-64 letters, digits, . _ -")
  String username;

  @Option(
      names = "--role",
      required = true,
      description = "comma-separated roles, e.g. office,reviewer (team needs --team)")
  String roles;

  @Option(names = "--team", description = "the team id of a TEAM account")
  @Nullable String team;

  @Option(
      names = "--password-env",
      defaultValue = "GUKDAE_PASSWORD",
      description = "environment variable holding the password (default ${DEFAULT-VALUE})")
  String passwordEnv;

  private final Accounts accounts;

  AccountCommand(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Integer call() {
    return create(accounts, username, Role.parseList(roles), team, passwordEnv);
  }

  /** Shared with the arena's older {@code arena-account} command. */
  public static int create(
      Accounts accounts,
      String username,
      Set<Role> roles,
      @Nullable String team,
      String passwordEnv) {
    String password = System.getenv(passwordEnv);
    if (password == null || password.isBlank()) {
      throw UserError.of(
          "--password-env: 환경 변수 " + passwordEnv + "이(가) 비어 있습니다. 비밀번호를 여기에 export하세요",
          "--password-env: environment variable "
              + passwordEnv
              + " is empty; export the password in it");
    }
    try {
      accounts.create(username, password, roles, team);
    } catch (AccessDenied e) {
      String where = "--username/--role/--team/password: ";
      String why = String.valueOf(e.getMessage());
      throw UserError.of(
          where + UserError.inLanguage(why, true), where + UserError.inLanguage(why, false));
    }
    System.out.println(
        Terminal.pick("계정을 만들었습니다: ", "created account ")
            + username
            + " ("
            + String.join(", ", roles.stream().sorted().map(Terminal::label).toList())
            + ")");
    return 0;
  }
}
