package kr.gukdae.originality;

import kr.gukdae.stage.StageResult;
import org.jspecify.annotations.Nullable;

/**
 * A test-only class in a source package that reads a stage decision, which the architecture rules
 * forbid; {@code ArchitectureTest} checks that the rule catches it.
 */
final class PlantedDecisionReader {
  @Nullable StageResult last;
}
