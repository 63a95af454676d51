package jp.kyoso.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Injects the tests' SMTP server (a {@code com.icegreen.greenmail.util.GreenMail}) into a test field. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MailServer {
}
