package kr.gukdae.app.lineage;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import kr.gukdae.lineage.Lineage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The metadata the web view counts over: the files named in {@code gukdae.lineage.metadata}
 * (comma-separated; JSON Lines, JSON, READMEs or folders), or else the bundled demo, loaded once on
 * first use.
 */
@Service
class LineageService {

  private final String metadata;
  private volatile @Nullable Lineage lineage;

  LineageService(@Value("${gukdae.lineage.metadata:}") String metadata) {
    this.metadata = metadata.strip();
  }

  boolean isDemo() {
    return metadata.isEmpty();
  }

  String source() {
    return isDemo() ? "demo (generated demo metadata bundled with gukdae)" : metadata;
  }

  Lineage lineage() {
    Lineage loaded = lineage;
    if (loaded == null) {
      synchronized (this) {
        loaded = lineage;
        if (loaded == null) {
          loaded =
              isDemo()
                  ? Lineage.demo()
                  : Lineage.load(
                      Arrays.stream(metadata.split(","))
                          .map(String::strip)
                          .map(Path::of)
                          .toArray(Path[]::new));
          lineage = loaded;
        }
      }
    }
    return loaded;
  }

  List<String> suggestedRoots() {
    return isDemo() ? Lineage.DEMO_ROOTS : lineage().busiestBases(20);
  }
}
