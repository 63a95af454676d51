package jp.kyoso.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The participation funnel as clients read it: aggregates only, never a person. */
public final class ParticipationDtos {

    private ParticipationDtos() {
    }

    @Schema(name = "ParticipationFigures", description = "The funnel of a group of events (docs/participation.md)")
    public record FiguresView(
            @Schema(description = "PUBLISHED or CLOSED events that have started (not cancelled, not deleted)") long eventsHeld,
            @Schema(description = "Registrations holding a seat (REGISTERED or ATTENDED)") long registrations,
            @Schema(description = "People checked in (ATTENDED), each once") long attendees,
            @Schema(description = "Attendees whose first attended event in the municipality is in this group") long firstTimeAttendees,
            @Schema(description = "Attendees who had attended an earlier event in the municipality") long repeatAttendees,
            @Schema(description = "Attendees who, within `months` after an attended event of this group, joined an "
                    + "organisation, posted a have or need, or became a member of a project partner, each once") long steppedUp,
            @Schema(description = "Walk-ins of the closing reports") long walkIns,
            @Schema(description = "The reported attendance: the closing report's attendee count (else the check-ins) "
                    + "plus walk-ins") long headcount) {
    }

    @Schema(name = "ParticipationRates", description = "Figures per 1,000 residents of the area (two decimals, half-up)")
    public record RatesView(BigDecimal registrations, BigDecimal attendees, BigDecimal firstTimeAttendees,
                            BigDecimal steppedUp, BigDecimal headcount) {
    }

    @Schema(name = "ParticipationArea", description = "The events for one area (or the city-wide events)")
    public record AreaView(
            @Schema(nullable = true, description = "Null: the city-wide events (for no area)") UUID areaId,
            @Schema(nullable = true) String areaName,
            @Schema(description = "True for the row of city-wide events") boolean cityWide,
            @Schema(nullable = true, description = "The area profile's population, where known") Integer population,
            FiguresView figures,
            @Schema(nullable = true, description = "Per 1,000 residents; null without a population") RatesView per1000) {
    }

    @Schema(name = "ParticipationKind", description = "The events of one kind")
    public record KindView(EventKind kind, String kindLabel, FiguresView figures) {
    }

    @Schema(name = "ParticipationCell", description = "The events of one kind for one area (or city-wide)")
    public record CellView(@Schema(nullable = true, description = "Null: city-wide events") UUID areaId,
                           EventKind kind, String kindLabel, FiguresView figures) {
    }

    @Schema(name = "ParticipationYear", description = "One fiscal year: its total, by area, by kind, and by both")
    public record YearView(int fiscalYear, String fiscalYearLabel, FiguresView total, List<AreaView> areas,
                           List<KindView> kinds, List<CellView> cells) {
    }

    @Schema(name = "Participation", description = "The participation funnel of a municipality by fiscal year")
    public record ParticipationView(
            String municipalityCode,
            @Schema(nullable = true, description = "The fiscal year asked for; null: every year with events") Integer fiscalYear,
            @Schema(nullable = true, description = "The area asked for (its sub-areas included)") UUID areaId,
            @Schema(nullable = true, description = "The kind asked for") EventKind kind,
            @Schema(description = "The window for stepping up, in months after the event") int months,
            @Schema(description = "Fiscal years, oldest first") List<YearView> years) {
    }
}
