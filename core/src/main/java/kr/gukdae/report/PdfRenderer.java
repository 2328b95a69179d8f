package kr.gukdae.report;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import kr.gukdae.UserError;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/** Renders blocks as an A4 PDF with the Korean font embedded; charts are drawn as vectors. */
final class PdfRenderer {

  private static final int[][] COLOURS = {{31, 78, 153}, {224, 123, 57}, {154, 165, 177}};

  private PdfRenderer() {}

  static byte[] render(List<Block> blocks, Path fontFile) {
    BaseFont base = font(fontFile);
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
      PdfWriter writer = PdfWriter.getInstance(doc, bytes);
      doc.addCreator("gukdae");
      doc.open();
      Font body = new Font(base, 10);
      Font bold = new Font(base, 10, Font.BOLD);
      for (Block b : blocks) {
        switch (b) {
          case Block.Heading h -> {
            Paragraph p = new Paragraph(h.text(), new Font(base, h.level() == 1 ? 17 : 13));
            p.setSpacingBefore(h.level() == 1 ? 0 : 10);
            p.setSpacingAfter(4);
            doc.add(p);
          }
          case Block.Para p -> doc.add(new Paragraph(p.text(), p.emphasis() ? bold : body));
          case Block.Table t -> doc.add(table(t, body, bold));
          case Block.BarChart c -> doc.add(bars(writer.getDirectContent(), c, base));
          case Block.IntervalChart c -> doc.add(intervals(writer.getDirectContent(), c, base));
        }
      }
      doc.close();
      return bytes.toByteArray();
    } catch (org.openpdf.text.DocumentException e) {
      // our own blocks into an in-memory document: nothing a person gives reaches here
      throw new IllegalStateException("bug: PDF rendering failed: " + e.getMessage(), e);
    }
  }

  /** The embedded font; a file that is not a TrueType font is the person's to fix. */
  static BaseFont font(Path file) {
    try {
      return BaseFont.createFont(file.toString(), BaseFont.IDENTITY_H, true);
    } catch (java.io.IOException | RuntimeException e) {
      // openpdf's DocumentException ("not a valid TTF file") is unchecked, as is its
      // ExceptionConverter
      throw UserError.of(
          file
              + ": PDF 보고서에 넣을 TrueType 글꼴로 읽을 수 없습니다 ("
              + e.getMessage()
              + "). GUKDAE_KOREAN_FONT에 한국어 .ttf 파일을 지정하세요",
          file
              + ": cannot be read as a TrueType font for the PDF reports ("
              + e.getMessage()
              + "); set GUKDAE_KOREAN_FONT to a Korean .ttf file",
          e);
    }
  }

  private static PdfPTable table(Block.Table t, Font body, Font bold) {
    PdfPTable table = new PdfPTable(t.headers().size());
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(6);
    t.headers()
        .forEach(h -> {
          PdfPCell cell = new PdfPCell(new Phrase(h, bold));
          cell.setBackgroundColor(new java.awt.Color(238, 242, 248));
          table.addCell(cell);
        });
    t.rows().forEach(row -> row.forEach(c -> table.addCell(new PdfPCell(new Phrase(c, body)))));
    return table;
  }

  private static Image bars(PdfContentByte cb, Block.BarChart c, BaseFont font)
      throws org.openpdf.text.BadElementException {
    float rowH = 11 * c.series().size() + 8;
    float left = 150;
    float width = 300;
    float height = c.labels().size() * rowH + 50;
    PdfTemplate t = cb.createTemplate(left + width + 60, height);
    label(t, font, 10, c.title(), 0, height - 12);
    for (int i = 0; i < c.labels().size(); i++) {
      float top = height - 24 - i * rowH;
      label(t, font, 8, c.labels().get(i), 0, top - rowH / 2);
      double[] v = c.values().get(i);
      for (int s = 0; s < v.length; s++) {
        float w = (float) (Math.max(0, Math.min(1, v[s] / c.max())) * width);
        int[] rgb = COLOURS[s % COLOURS.length];
        t.setRGBColorFill(rgb[0], rgb[1], rgb[2]);
        t.rectangle(left, top - 10 - s * 11, w, 9);
        t.fill();
        t.setRGBColorFill(0, 0, 0);
        label(t, font, 7, ReportBuilder.n(v[s]), left + w + 3, top - 9 - s * 11);
      }
    }
    if (c.line() > 0) {
      float x = (float) (left + c.line() / c.max() * width);
      t.setRGBColorStroke(192, 57, 43);
      t.setLineDash(3, 2);
      t.moveTo(x, 22);
      t.lineTo(x, height - 20);
      t.stroke();
      t.setLineDash(1, 0);
      label(t, font, 7, ReportBuilder.n(c.line()) + "%", x + 2, 22);
    }
    for (int s = 0; s < c.series().size(); s++) {
      int[] rgb = COLOURS[s % COLOURS.length];
      t.setRGBColorFill(rgb[0], rgb[1], rgb[2]);
      t.rectangle(left + s * 110, 4, 8, 8);
      t.fill();
      t.setRGBColorFill(0, 0, 0);
      label(t, font, 8, c.series().get(s), left + s * 110 + 11, 5);
    }
    return Image.getInstance(t);
  }

  private static Image intervals(PdfContentByte cb, Block.IntervalChart c, BaseFont font)
      throws org.openpdf.text.BadElementException {
    float left = 150;
    float width = 300;
    float height = c.labels().size() * 22 + 44;
    PdfTemplate t = cb.createTemplate(left + width + 40, height);
    label(t, font, 10, c.title(), 0, height - 12);
    for (int i = 0; i < c.labels().size(); i++) {
      double[] v = c.lowMidHigh().get(i);
      float y = height - 32 - i * 22;
      float x0 = (float) (left + (v[0] - c.min()) / (c.max() - c.min()) * width);
      float x1 = (float) (left + (v[1] - c.min()) / (c.max() - c.min()) * width);
      float x2 = (float) (left + (v[2] - c.min()) / (c.max() - c.min()) * width);
      label(t, font, 8, c.labels().get(i), 0, y - 3);
      t.setRGBColorStroke(31, 78, 153);
      t.setLineWidth(2);
      t.moveTo(x0, y);
      t.lineTo(x2, y);
      t.stroke();
      t.setRGBColorFill(224, 123, 57);
      t.circle(x1, y, 4);
      t.fill();
      t.setRGBColorFill(0, 0, 0);
      label(t, font, 7, ReportBuilder.n(v[1]), x1 - 12, y + 7);
    }
    label(t, font, 7, ReportBuilder.n(c.min()), left, 4);
    label(t, font, 7, ReportBuilder.n(c.max()), left + width - 20, 4);
    return Image.getInstance(t);
  }

  private static void label(PdfTemplate t, BaseFont font, float size, String s, float x, float y) {
    t.beginText();
    t.setFontAndSize(font, size);
    t.showTextAligned(Element.ALIGN_LEFT, s, x, y, 0);
    t.endText();
  }
}
