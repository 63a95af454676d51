package jp.kyoso.event;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG is parsed as XML, its path redrawn as pixels and read back by ZXing's own decoder. */
class QrCodesTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    @ParameterizedTest
    @ValueSource(strings = {"ABCD2345", "https://kyoso.example/events/0b9c2f5e-3a61-4c1e-9a55-6f0d2e8b7c41/check-in?code=ABCD-2345",
            "赤崎地区ワークショップ 受付コード ABCD-2345"})
    void theSvgIsWellFormedAndDecodesToTheText(String text) throws Exception {
        String svg = QrCodes.svg(text, "受付用QRコード <ABCD-2345> & more");
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG, root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));

        NodeList titles = root.getElementsByTagNameNS(SVG, "title");
        assertEquals(1, titles.getLength());
        assertEquals("受付用QRコード <ABCD-2345> & more", titles.item(0).getTextContent());
        NodeList paths = root.getElementsByTagNameNS(SVG, "path");
        assertEquals(1, paths.getLength(), "one path of the dark modules");

        String[] viewBox = root.getAttribute("viewBox").split(" ");
        assertEquals("0", viewBox[0]);
        assertEquals("0", viewBox[1]);
        int size = Integer.parseInt(viewBox[2]);
        assertEquals(size, Integer.parseInt(viewBox[3]));
        // A QR code of version v has 17 + 4v modules a side, plus the quiet zone on both sides.
        assertEquals(0, (size - 2 * QrCodes.QUIET_ZONE - 17) % 4);
        assertEquals(size * QrCodes.PIXELS_PER_MODULE, Integer.parseInt(root.getAttribute("width")));

        BitMatrix drawn = fromPath(((Element) paths.item(0)).getAttribute("d"), size);
        assertEquals(QrCodes.matrix(text), drawn, "the path draws exactly the encoder's modules");
        for (int i = 0; i < size; i++) {
            for (int q = 0; q < QrCodes.QUIET_ZONE; q++) {
                assertFalse(drawn.get(i, q) || drawn.get(q, i) || drawn.get(i, size - 1 - q)
                        || drawn.get(size - 1 - q, i), "the quiet zone is light");
            }
        }

        assertEquals(text, decode(drawn));
    }

    @Test
    void aTextThatDoesNotFitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.matrix("x".repeat(3000)));
        assertThrows(IllegalArgumentException.class, () -> QrCodes.matrix(""));
    }

    @Test
    void theTitleIsEscapedAndControlCharactersDropped() throws Exception {
        Document doc = parse(QrCodes.svg("ABCD2345", "a\u0001b\"c</title><script>x</script>"));
        assertEquals("ab\"c</title><script>x</script>", doc.getElementsByTagNameNS(SVG, "title").item(0)
                .getTextContent());
        assertEquals(0, doc.getElementsByTagNameNS(SVG, "script").getLength());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    private static BitMatrix fromPath(String d, int size) {
        BitMatrix matrix = new BitMatrix(size, size);
        Matcher m = RUN.matcher(d);
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "nothing but runs in the path");
            int run = Integer.parseInt(m.group(3));
            assertEquals(run, Integer.parseInt(m.group(4)));
            matrix.setRegion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), run, 1);
            end = m.end();
        }
        assertEquals(d.length(), end);
        return matrix;
    }

    /** Rasterises at 4 pixels a module (black on white) and decodes with ZXing's reader, no AWT. */
    private static String decode(BitMatrix matrix) throws Exception {
        int scale = 4;
        int width = matrix.getWidth() * scale;
        int[] pixels = new int[width * width];
        for (int y = 0; y < width; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        RGBLuminanceSource source = new RGBLuminanceSource(width, width, pixels);
        Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        assertTrue(result.getText() != null);
        return result.getText();
    }
}
