package kr.gukdae.stage;

/** The bundled demo programme and evidence texts, for app tests that write them to files. */
public final class DemoFilesForTests {

  private DemoFilesForTests() {}

  public static String programme() {
    return DemoFiles.read("programme.yaml");
  }

  public static String evidence() {
    return DemoFiles.read("evidence-stage1.yaml");
  }
}
