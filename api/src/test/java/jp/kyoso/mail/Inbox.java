package jp.kyoso.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What arrived at the tests' SMTP server for one address, read as a mail client reads it. */
public record Inbox(List<MimeMessage> messages) {

    public static Inbox of(GreenMail server, String address) {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                for (Address a : m.getAllRecipients()) {
                    if (a.toString().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT))) {
                        out.add(m);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Inbox(out);
    }

    public int size() {
        return messages.size();
    }

    public List<String> subjects() {
        return messages.stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public MimeMessage only() {
        if (messages.size() != 1) {
            throw new AssertionError("expected one mail, got " + subjects());
        }
        return messages.getFirst();
    }

    /** The text of the part of that type ("text/plain", "text/html"), or null. */
    public static String part(Part p, String type) {
        try {
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
            if (p.getContent() instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart b = mp.getBodyPart(i);
                    String found = part(b, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
