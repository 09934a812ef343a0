package org.huyou.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.huyou.common.Messages;
import org.huyou.residents.demo.DemoPartWriter;
import org.huyou.security.Action;
import org.huyou.security.AppModule;
import org.huyou.security.RequiresPermission;

/**
 * The demo home's papers: the mandatory ones ({@link MandatoryDocuments}) on file for most children, as a home that
 * moved in with its folders would have them, each a sample scan; a few children still lack theirs, and a few
 * disability certificates run out soon, so 提醒 shows both kinds of reminder without burying the doses under them.
 */
public final class DocumentsDemo {

    /** One child in this many keeps their mandatory papers missing. */
    static final int MISSING_EVERY = 9;

    private final DocumentRepository repo;
    private final DemoPartWriter writer;

    public DocumentsDemo(DocumentRepository repo, DemoPartWriter writer) {
        this.repo = repo;
        this.writer = writer;
    }

    @RequiresPermission(module = AppModule.RESIDENTS, action = Action.CREATE)
    public void load(LocalDateTime moment) {
        writer.write(moment, (today, now) -> {
            byte[] scan = sampleScan();
            String sha = sha256(scan);
            List<DocumentRepository.OnFile> inCare = repo.residentsInCareWithKinds();
            int needing = 0;
            for (DocumentRepository.OnFile r : inCare) {
                Map<DocumentKind, MandatoryDocuments.Because> required =
                        MandatoryDocuments.required(r.category(), r.source(), r.guardianship(), r.disability());
                if (required.isEmpty() || needing++ % MISSING_EVERY == MISSING_EVERY - 1) {
                    continue;
                }
                LocalDate paperDate = r.admissionDate().isAfter(today) ? today : r.admissionDate();
                for (DocumentKind kind : required.keySet()) {
                    if (r.kinds().contains(kind)) {
                        continue;
                    }
                    // A disability certificate is renewed every few years; spread so a few run out within a month.
                    LocalDate validUntil = kind == DocumentKind.DISABILITY_CERTIFICATE
                            ? today.plusDays(10 + (r.residentId() * 37) % 900)
                            : null;
                    long id = repo.insert(
                            new Document(
                                    0,
                                    r.residentId(),
                                    kind,
                                    Messages.t("document.demoTitle", kind.label()),
                                    paperDate,
                                    validUntil,
                                    ContentType.PNG,
                                    scan.length,
                                    sha,
                                    null,
                                    "demo",
                                    now,
                                    false,
                                    null,
                                    null),
                            "demo",
                            now);
                    repo.insertContent(id, new ByteArrayInputStream(scan), scan.length);
                }
            }
        });
    }

    /** A blank form as a scanner would give it: a page with ruled lines and a stamp's circle. */
    static byte[] sampleScan() {
        BufferedImage page = new BufferedImage(420, 594, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(Color.GRAY);
            g.fillRect(110, 40, 200, 14);
            for (int y = 100; y < 520; y += 28) {
                g.drawLine(40, y, 380, y);
            }
            g.drawOval(290, 470, 80, 80);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(page, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
