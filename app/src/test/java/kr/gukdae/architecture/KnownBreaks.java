package kr.gukdae.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.ViolationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A frozen rule's list of known breaks held in memory, for testing the freezing itself. */
final class KnownBreaks implements ViolationStore {

  private List<String> violations;

  KnownBreaks(List<String> violations) {
    this.violations = new ArrayList<>(violations);
  }

  @Override
  public void initialize(Properties properties) {}

  @Override
  public boolean contains(ArchRule rule) {
    return true;
  }

  @Override
  public void save(ArchRule rule, List<String> violations) {
    this.violations = new ArrayList<>(violations);
  }

  @Override
  public List<String> getViolations(ArchRule rule) {
    return List.copyOf(violations);
  }
}
