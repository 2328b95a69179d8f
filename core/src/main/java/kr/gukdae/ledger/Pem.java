package kr.gukdae.ledger;

import java.nio.file.Path;
import java.util.Base64;
import kr.gukdae.UserError;

/** The PEM armour openssl reads and writes: base64 DER between BEGIN/END lines. */
final class Pem {

  private Pem() {}

  static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  static byte[] decode(String pem, String type, Path file) {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw UserError.of(file + ": '" + begin + "' 블록이 없습니다", file + ": no '" + begin + "' block");
    }
    return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
  }
}
