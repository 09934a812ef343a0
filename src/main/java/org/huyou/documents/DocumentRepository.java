package org.huyou.documents;

import static org.huyou.db.generated.Tables.INCIDENT;
import static org.huyou.db.generated.Tables.MEDICAL_RECORD;
import static org.huyou.db.generated.Tables.RESIDENT;
import static org.huyou.db.generated.Tables.RESIDENT_CURRENT_STATUS;
import static org.huyou.db.generated.Tables.RESIDENT_DOCUMENT;
import static org.huyou.db.generated.Tables.RESIDENT_DOCUMENT_CONTENT;
import static org.huyou.db.generated.Tables.RESIDENT_DOCUMENT_LINK;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huyou.care.incident.Incident;
import org.huyou.care.medical.MedicalRecord;
import org.huyou.common.Dates;
import org.huyou.common.Messages;
import org.huyou.db.DueBy;
import org.huyou.db.ResidentNames;
import org.huyou.db.Voidable;
import org.huyou.db.Voiding;
import org.huyou.db.generated.tables.records.ResidentDocumentRecord;
import org.huyou.residents.AdmissionSource;
import org.huyou.residents.Category;
import org.huyou.residents.DisabilityType;
import org.huyou.residents.Guardianship;
import org.huyou.residents.InCare;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Documents' metadata (jOOQ) and their bytes (JDBC streams: jOOQ reads a BLOB into one byte array, and a document may
 * be 50 MB). The bytes are written once and never changed.
 */
public final class DocumentRepository {

    /** The one statement that writes a document's bytes; its value is bound as a stream. */
    private static final String INSERT_CONTENT = "INSERT INTO " + RESIDENT_DOCUMENT_CONTENT.getName() + " ("
            + RESIDENT_DOCUMENT_CONTENT.DOCUMENT_ID.getName() + ", " + RESIDENT_DOCUMENT_CONTENT.CONTENT.getName()
            + ") VALUES (?, ?)";

    private static final String SELECT_CONTENT = "SELECT " + RESIDENT_DOCUMENT_CONTENT.CONTENT.getName() + " FROM "
            + RESIDENT_DOCUMENT_CONTENT.getName() + " WHERE " + RESIDENT_DOCUMENT_CONTENT.DOCUMENT_ID.getName()
            + " = ?";

    private final DSLContext dsl;

    public DocumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Reads a document's bytes while its statement is open. */
    @FunctionalInterface
    public interface ContentReader<T> {
        T read(InputStream in) throws IOException;
    }

    public long insert(Document d, String actor, LocalDateTime now) {
        var t = RESIDENT_DOCUMENT;
        return dsl.insertInto(t)
                .set(t.RESIDENT_ID, d.residentId())
                .set(t.KIND, d.kind().name())
                .set(t.TITLE, d.title())
                .set(t.PAPER_DATE, d.paperDate())
                .set(t.VALID_UNTIL, d.validUntil())
                .set(t.CONTENT_TYPE, d.contentType().name())
                .set(t.SIZE_BYTES, d.size())
                .set(t.SHA256, d.sha256())
                .set(t.REPLACES_ID, d.replacesId())
                .set(t.CREATED_AT, now)
                .set(t.CREATED_BY, actor)
                .returning(t.ID)
                .fetchOne(t.ID);
    }

    /** Streams {@code size} bytes into the document's content row (in the caller's transaction). */
    public void insertContent(long documentId, InputStream in, long size) {
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_CONTENT)) {
                ps.setLong(1, documentId);
                ps.setBinaryStream(2, in, size);
                ps.executeUpdate();
            }
        });
    }

    /** The document's bytes handed to {@code reader}; empty when it has none. */
    public <T> Optional<T> readContent(long documentId, ContentReader<T> reader) {
        return dsl.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_CONTENT)) {
                ps.setLong(1, documentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try (InputStream in = rs.getBinaryStream(1)) {
                        return Optional.ofNullable(reader.read(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
    }

    public Voidable voidable(String actor, LocalDateTime now) {
        return Voiding.voidable(dsl, RESIDENT_DOCUMENT, actor, now);
    }

    public Optional<Document> find(long id) {
        return dsl.selectFrom(RESIDENT_DOCUMENT)
                .where(RESIDENT_DOCUMENT.ID.eq(id))
                .fetchOptional(this::document);
    }

    /** The resident's documents, newest first, voided ones included (shown marked). */
    public List<Document> forResident(long residentId) {
        var t = RESIDENT_DOCUMENT;
        return dsl.selectFrom(t)
                .where(t.RESIDENT_ID.eq(residentId))
                .orderBy(t.ID.desc())
                .fetch(this::document);
    }

    public record Expiring(Document document, String residentName) {}

    /** Documents in force whose valid-until is on or before {@code until}, of residents in care; soonest first. */
    public List<Expiring> expiringBy(LocalDate until) {
        var t = RESIDENT_DOCUMENT;
        return ResidentNames.selectWithStatus(dsl, t, t.RESIDENT_ID)
                .where(DueBy.dueBy(t.VALID_UNTIL, until))
                .and(t.VOIDED_AT.isNull())
                .and(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .orderBy(t.VALID_UNTIL, t.ID)
                .fetch(r -> new Expiring(document(r.into(t)), r.get(RESIDENT.NAME)));
    }

    /** A resident in care with what the register says decides the mandatory papers, and the kinds on file. */
    public record OnFile(
            long residentId,
            String residentName,
            LocalDate admissionDate,
            Category category,
            AdmissionSource source,
            Guardianship guardianship,
            DisabilityType disability,
            Set<DocumentKind> kinds) {}

    /** Every resident in care, with the kinds of their documents in force (voided ones do not count). */
    public List<OnFile> residentsInCareWithKinds() {
        var t = RESIDENT_DOCUMENT;
        Map<Long, Set<DocumentKind>> kinds = new HashMap<>();
        dsl.selectDistinct(t.RESIDENT_ID, t.KIND)
                .from(t)
                .where(t.VOIDED_AT.isNull())
                .forEach(r -> kinds.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(DocumentKind.class))
                        .add(DocumentKind.valueOf(r.value2())));
        return dsl.select(
                        RESIDENT.ID,
                        RESIDENT.NAME,
                        RESIDENT.ADMISSION_DATE,
                        RESIDENT.CATEGORY,
                        RESIDENT.ADMISSION_SOURCE,
                        RESIDENT.GUARDIANSHIP,
                        RESIDENT.DISABILITY_TYPE)
                .from(RESIDENT)
                .join(RESIDENT_CURRENT_STATUS)
                .on(RESIDENT_CURRENT_STATUS.RESIDENT_ID.eq(RESIDENT.ID))
                .where(RESIDENT_CURRENT_STATUS.STATUS.in(InCare.CODES))
                .orderBy(RESIDENT.ID)
                .fetch(r -> new OnFile(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        Category.valueOf(r.value4()),
                        AdmissionSource.valueOf(r.value5()),
                        Guardianship.valueOf(r.value6()),
                        DisabilityType.valueOf(r.value7()),
                        kinds.getOrDefault(r.value1(), EnumSet.noneOf(DocumentKind.class))));
    }

    /** A document's link to a care entry in force. */
    public record Link(long documentId, CareEntry entry, long entryId) {}

    public void insertLink(long documentId, CareEntry entry, long entryId, String actor, LocalDateTime now) {
        var l = RESIDENT_DOCUMENT_LINK;
        dsl.insertInto(l)
                .set(l.DOCUMENT_ID, documentId)
                .set(l.ENTITY, entry.entity())
                .set(l.ENTRY_ID, entryId)
                .set(l.LINKED_AT, now)
                .set(l.LINKED_BY, actor)
                .execute();
    }

    /** Marks the link taken back (kept, with who and when); false when there was none in force. */
    public boolean unlink(long documentId, CareEntry entry, long entryId, String actor, LocalDateTime now) {
        var l = RESIDENT_DOCUMENT_LINK;
        return dsl.update(l)
                        .set(l.UNLINKED_AT, now)
                        .set(l.UNLINKED_BY, actor)
                        .where(l.DOCUMENT_ID.eq(documentId))
                        .and(l.ENTITY.eq(entry.entity()))
                        .and(l.ENTRY_ID.eq(entryId))
                        .and(l.UNLINKED_AT.isNull())
                        .execute()
                > 0;
    }

    /** The links in force of the resident's documents, oldest first. */
    public List<Link> links(long residentId) {
        var l = RESIDENT_DOCUMENT_LINK;
        return dsl.select(l.DOCUMENT_ID, l.ENTITY, l.ENTRY_ID)
                .from(l)
                .join(RESIDENT_DOCUMENT)
                .on(RESIDENT_DOCUMENT.ID.eq(l.DOCUMENT_ID))
                .where(RESIDENT_DOCUMENT.RESIDENT_ID.eq(residentId))
                .and(l.UNLINKED_AT.isNull())
                .orderBy(l.ID)
                .fetch(r -> new Link(r.value1(), CareEntry.ofEntity(r.value2()).orElseThrow(), r.value3()));
    }

    /** The documents linked (in force) to one care entry, newest first, voided ones included. */
    public List<Document> linkedTo(CareEntry entry, long entryId) {
        var l = RESIDENT_DOCUMENT_LINK;
        var t = RESIDENT_DOCUMENT;
        return dsl.select(t.fields())
                .from(t)
                .join(l)
                .on(l.DOCUMENT_ID.eq(t.ID))
                .where(l.ENTITY.eq(entry.entity()))
                .and(l.ENTRY_ID.eq(entryId))
                .and(l.UNLINKED_AT.isNull())
                .orderBy(t.ID.desc())
                .fetch(r -> document(r.into(t)));
    }

    /**
     * The resident's entries of that kind a document may be linked to, newest first, worded for a chooser: a
     * medical record by its kind, date and title; an incident by its kind and date only (its description is sealed).
     * Voided entries only when {@code withVoided} (to name an old link).
     */
    public List<CareEntry.Target> targets(long residentId, CareEntry entry, boolean withVoided) {
        return switch (entry) {
            case MEDICAL_RECORD -> {
                var m = MEDICAL_RECORD;
                yield dsl.select(m.ID, m.EVENT_DATE, m.KIND, m.TITLE)
                        .from(m)
                        .where(m.RESIDENT_ID.eq(residentId))
                        .and(withVoided ? DSL.noCondition() : m.VOIDED_AT.isNull())
                        .orderBy(m.EVENT_DATE.desc(), m.ID.desc())
                        .fetch(r -> new CareEntry.Target(
                                entry,
                                r.value1(),
                                r.value2(),
                                Messages.t(
                                        "document.targetRecord",
                                        Dates.format(r.value2()),
                                        MedicalRecord.Kind.valueOf(r.value3()).label(),
                                        r.value4())));
            }
            case INCIDENT -> {
                var i = INCIDENT;
                yield dsl.select(i.ID, i.OCCURRED_ON, i.KIND)
                        .from(i)
                        .where(i.RESIDENT_ID.eq(residentId))
                        .and(withVoided ? DSL.noCondition() : i.VOIDED_AT.isNull())
                        .orderBy(i.OCCURRED_ON.desc(), i.ID.desc())
                        .fetch(r -> new CareEntry.Target(
                                entry,
                                r.value1(),
                                r.value2(),
                                Messages.t(
                                        "document.targetIncident",
                                        Dates.format(r.value2()),
                                        Incident.Kind.valueOf(r.value3()).label())));
            }
        };
    }

    /** The resident the entry belongs to, when it exists and is not voided. */
    public Optional<Long> entryResident(CareEntry entry, long entryId) {
        return switch (entry) {
            case MEDICAL_RECORD ->
                dsl.select(MEDICAL_RECORD.RESIDENT_ID)
                        .from(MEDICAL_RECORD)
                        .where(MEDICAL_RECORD.ID.eq(entryId))
                        .and(MEDICAL_RECORD.VOIDED_AT.isNull())
                        .fetchOptional(MEDICAL_RECORD.RESIDENT_ID);
            case INCIDENT ->
                dsl.select(INCIDENT.RESIDENT_ID)
                        .from(INCIDENT)
                        .where(INCIDENT.ID.eq(entryId))
                        .and(INCIDENT.VOIDED_AT.isNull())
                        .fetchOptional(INCIDENT.RESIDENT_ID);
        };
    }

    private Document document(ResidentDocumentRecord r) {
        return new Document(
                r.getId(),
                r.getResidentId(),
                DocumentKind.valueOf(r.getKind()),
                r.getTitle(),
                r.getPaperDate(),
                r.getValidUntil(),
                ContentType.valueOf(r.getContentType()),
                r.getSizeBytes(),
                r.getSha256(),
                r.getReplacesId(),
                r.getCreatedBy(),
                r.getCreatedAt(),
                r.getVoidedAt() != null,
                r.getVoidedBy(),
                r.getVoidedReason());
    }
}
