package io.launchpad.infra.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) in this JVM, so notification emails are sent and can be
 * read back in development and in system tests without reaching the outside world.
 */
public final class MailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);

    private final GreenMail greenMail;

    private final int port;

    private MailServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** Port 0 picks a free one. */
    public static MailServer start(int port) {
        int smtpPort = FreePorts.orFree(port);
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.info("SMTP (GreenMail) ready at 127.0.0.1:{}", smtpPort);
        return new MailServer(greenMail, smtpPort);
    }

    public int smtpPort() {
        return port;
    }

    /**
     * Every message delivered so far, in the order received (the dev mailbox reads them).
     */
    public MimeMessage[] messages() {
        return greenMail.getReceivedMessages();
    }

    /** Every message delivered so far, as subject lines prefixed with their recipient. */
    public List<String> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(message -> {
            try {
                return Arrays.toString(message.getAllRecipients()) + " " + message.getSubject();
            }
            catch (MessagingException e) {
                return "(unreadable message)";
            }
        }).toList();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

}
