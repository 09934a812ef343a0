package org.huyou.transition.io;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.huyou.common.Messages;
import org.huyou.common.Money;
import org.huyou.common.io.PdfText;
import org.huyou.security.Accounts;
import org.huyou.transition.Capability;
import org.huyou.transition.Payment;
import org.huyou.transition.Task;
import org.huyou.transition.TransitionPlan;

/**
 * The placement plan (成年安置方案) for the young person and the departments: who, the 18th birthday, the assessment's
 * conclusion, the approved pathway, the tasks per department with documents, and the money. Care details (the
 * assessment's scores and notes) only when the social worker includes them.
 */
public final class PlacementPlanPdf {

    private PlacementPlanPdf() {}

    /** Who the plan is for, as printed. */
    public record Person(String name, String recordNo, LocalDate birthDate, LocalDate eighteenth) {}

    public static void write(
            String homeName,
            Person who,
            TransitionPlan plan,
            Capability latest,
            List<Task> tasks,
            List<Payment> payments,
            boolean includeCare,
            LocalDate printed,
            Path file,
            Path font)
            throws IOException {
        try (PdfText pdf = new PdfText(font)) {
            pdf.heading(homeName, 16);
            pdf.heading(Messages.t("placementPdf.title"), 14);
            pdf.line(Messages.t(
                    "placementPdf.person",
                    who.name(),
                    who.recordNo(),
                    who.birthDate().toString(),
                    who.eighteenth().toString()));
            pdf.line(Messages.t(
                    "placementPdf.pathway",
                    plan.pathway().label(),
                    plan.status().label(),
                    plan.approvedBy() == null ? "-" : Accounts.displayName(plan.approvedBy()),
                    plan.approvedAt() == null
                            ? "-"
                            : plan.approvedAt().toLocalDate().toString()));
            if (plan.expectedGraduation() != null) {
                pdf.line(Messages.t(
                        "placementPdf.graduation", plan.expectedGraduation().toString()));
            }
            if (latest != null) {
                pdf.line(Messages.t(
                        "placementPdf.assessment",
                        latest.assessedOn().toString(),
                        latest.conclusion().label()));
                if (includeCare) {
                    Capability.Area[] areas = Capability.Area.values();
                    for (int i = 0; i < areas.length; i++) {
                        pdf.line(Messages.t(
                                "placementPdf.score",
                                areas[i].label(),
                                latest.scores().get(i),
                                Capability.MAX_SCORE));
                    }
                    if (latest.notes() != null) {
                        pdf.line(Messages.t("placementPdf.notes", latest.notes()));
                    }
                }
            }
            pdf.line(Messages.t("placementPdf.basis", plan.basis()));
            pdf.gap();
            pdf.heading(Messages.t("placementPdf.tasks"), 12);
            pdf.table(
                    List.of(
                            Messages.t("task.due"),
                            Messages.t("task.department"),
                            Messages.t("task.what"),
                            Messages.t("task.status")),
                    tasks.stream()
                            .filter(t -> t.status() != Task.Status.CANCELLED)
                            .map(t -> List.of(
                                    t.dueOn().toString(),
                                    t.department().label(),
                                    t.title(),
                                    t.status().label()))
                            .toList(),
                    new float[] {70, 110, 240, 75},
                    new boolean[] {false, false, false, false});
            for (Task t : tasks) {
                if (t.status() != Task.Status.CANCELLED && t.documents() != null) {
                    pdf.line(Messages.t("placementPdf.documents", t.title(), t.documents()));
                }
            }
            if (!payments.isEmpty()) {
                pdf.gap();
                pdf.heading(Messages.t("placementPdf.money"), 12);
                pdf.table(
                        List.of(
                                Messages.t("payment.due"),
                                Messages.t("payment.kind"),
                                Messages.t("payment.amount"),
                                Messages.t("payment.paidOn")),
                        payments.stream()
                                .map(p -> List.of(
                                        p.dueOn().toString(),
                                        p.kind().label() + " " + p.label() + voided(p),
                                        Money.amount(p.amount()),
                                        p.paidOn() == null ? "" : p.paidOn().toString()))
                                .toList(),
                        new float[] {80, 200, 100, 100},
                        new boolean[] {false, false, true, false});
                // a line a new decision voided is listed (marked), not counted
                BigDecimal total = payments.stream()
                        .filter(p -> !p.voided())
                        .map(Payment::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                pdf.line(Messages.t("placementPdf.moneyTotal", Money.amount(total)));
            }
            pdf.gap();
            pdf.line(Messages.t("placementPdf.signatures"));
            pdf.line(Messages.t("placementPdf.printed", printed.toString()));
            pdf.save(file);
        }
    }

    private static String voided(Payment p) {
        return p.voided() ? " " + Messages.t("timeline.voided", p.voidReason() == null ? "" : p.voidReason()) : "";
    }
}
