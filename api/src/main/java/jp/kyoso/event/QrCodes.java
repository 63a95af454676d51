package jp.kyoso.event;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * QR codes as SVG, drawn from ZXing's encoder without AWT (the server is headless): one
 * {@code <path>} of the dark modules on a white square, a quiet zone of 4 modules (what the
 * QR standard requires for reliable scanning), and a {@code <title>} so screen readers name it.
 * The viewBox counts modules, so the image scales without blurring; width and height give it a
 * default size of {@value #PIXELS_PER_MODULE} pixels per module.
 */
public final class QrCodes {

    public static final String MEDIA_TYPE = "image/svg+xml";
    public static final int QUIET_ZONE = 4;
    public static final int PIXELS_PER_MODULE = 4;

    private QrCodes() {
    }

    /** The SVG of a QR code for {@code text}, named by {@code title} for assistive technology. */
    public static String svg(String text, String title) {
        BitMatrix matrix = matrix(text);
        int size = matrix.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < size && matrix.get(x + run, y)) {
                    run++;
                }
                // One rectangle per horizontal run of dark modules keeps the path short.
                path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-")
                        .append(run).append('z');
                x += run;
            }
        }
        int pixels = size * PIXELS_PER_MODULE;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + pixels + "\" height=\"" + pixels + "\" shape-rendering=\"crispEdges\">"
                + "<title>" + xml(title) + "</title>"
                // The light background is part of the code: a scanner needs it on a dark page too.
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/>"
                + "</svg>";
    }

    /**
     * The modules of the QR code of {@code text}, quiet zone included (true = dark), with
     * error correction level M (15 %: survives a scratched phone screen). Text that is not ASCII
     * is encoded as UTF-8 and says so (an ECI); ASCII gets no ECI, which some older scanners
     * misread. A text too long for any QR code is an {@link IllegalArgumentException}.
     */
    public static BitMatrix matrix(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs a text");
        }
        QRCode code;
        try {
            boolean ascii = text.chars().allMatch(c -> c < 0x80);
            code = Encoder.encode(text, ErrorCorrectionLevel.M, ascii ? Map.of()
                    : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code", e);
        }
        ByteMatrix modules = code.getMatrix();
        int size = modules.getWidth() + 2 * QUIET_ZONE;
        BitMatrix matrix = new BitMatrix(size, size);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y) == 1) {
                    matrix.set(x + QUIET_ZONE, y + QUIET_ZONE);
                }
            }
        }
        return matrix;
    }

    private static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // XML 1.0 allows tab, line breaks and everything from U+0020 but these.
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF
                            && !(cp >= 0xD800 && cp <= 0xDFFF))) {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }
}
