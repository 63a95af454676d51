package jp.kyoso.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.kyoso.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class EventDtos {

    private EventDtos() {
    }

    // ---- shared parts ----

    @Schema(name = "EventVenue", description = "Where an event is held")
    public record Venue(
            @Size(max = 200) @Schema(nullable = true) String name,
            @Size(max = 300) @Schema(nullable = true) String address,
            @Size(max = 200) @Schema(nullable = true, description = "方書: floor, room") String addressDetail,
            @DecimalMin("-90") @DecimalMax("90") @Schema(nullable = true) BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") @Schema(nullable = true) BigDecimal longitude,
            @Size(max = 1000) @Schema(nullable = true) String access,
            @Size(max = 1000) @Schema(nullable = true) String parking) {
    }

    @Schema(name = "EventFee", description = "Free (no amount, or 0), or an amount in yen with a note")
    public record Fee(
            @Min(0) @Max(1_000_000) @Schema(nullable = true) Integer amountYen,
            @Size(max = 500) @Schema(nullable = true) String note) {
    }

    @Schema(name = "EventContact", description = "The published contact for the event")
    public record Contact(
            @Size(max = 200) @Schema(nullable = true) String name,
            @Size(max = 40) @Pattern(regexp = "[0-9０-９()（）+\\- ー－]*") @Schema(nullable = true) String phone,
            @Size(max = 20) @Schema(nullable = true) String extension) {
    }

    @Schema(name = "EventQuestion", description = "An extra question asked at registration")
    public record Question(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[a-zA-Z0-9_-]+") String key,
            @NotNull QuestionKind kind,
            @NotBlank @Size(max = 300) String label,
            @Schema(description = "The choices of SINGLE_CHOICE and MULTIPLE_CHOICE")
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> options,
            @Schema(nullable = true) Boolean required) {
    }

    // ---- events ----

    @Schema(name = "EventWrite", description = "An event as created or replaced (status, report and counts change "
            + "through their own operations)")
    public record EventWrite(
            @Schema(nullable = true, description = "The organising organisation (the caller must be its member); "
                    + "null: organised by the municipality (staff only). Cannot change after creation.")
            UUID organizationId,
            @Schema(description = "Co-organising organisations; their members have the organiser's rights")
            @Size(max = 20) List<@NotNull UUID> coOrganizerIds,
            @NotNull EventKind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 200) String titleKana,
            @Size(max = 200) String titleEnglish,
            @Size(max = 10_000) String description,
            @Size(max = 20) List<@NotNull Theme> themes,
            @Schema(description = "Areas it is for; empty means city-wide") @Size(max = 100) List<@NotNull UUID> areaIds,
            @NotNull EventMode mode,
            @Valid Venue venue,
            @Schema(description = "Shown only to registered people and organisers")
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "{kyoso.url}") String onlineUrl,
            @NotNull OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            Boolean allDay,
            @Valid Fee fee,
            @Schema(description = "Null: unlimited") @Min(1) @Max(100_000) Integer capacity,
            @Schema(description = "Seats kept back by the organisers") @Min(0) @Max(100_000) Integer heldSeats,
            OffsetDateTime registrationOpensAt,
            OffsetDateTime registrationClosesAt,
            @Schema(description = "Whether people may register without an account (name and e-mail)") Boolean guestsAllowed,
            @Schema(description = "Hours before the start at which registrants are reminded by mail (default 24; "
                    + "0: no reminder)") @Min(0) @Max(336) Integer reminderHours,
            @Size(max = 20) List<@NotNull @Valid Question> questions,
            @Valid Contact contact,
            @Schema(description = "Listed in the search, the feed and the open data (default true); "
                    + "false: reachable by its link only") Boolean listed,
            @Schema(description = "Projects this event is an activity of") @Size(max = 50) List<@NotNull UUID> projectIds,
            @Schema(description = "Plan items this event carries out") @Size(max = 50) List<@NotNull UUID> planItemIds) {
    }

    @Schema(name = "EventCancellation", description = "Why an event is cancelled (told to every registrant)")
    public record CancellationWrite(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "EventReportWrite", description = "The closing report")
    public record ReportWrite(
            @Schema(nullable = true, description = "People who came; null: the number checked in")
            @Min(0) @Max(1_000_000) Integer attendeeCount,
            @Schema(description = "People who came without registering") @Min(0) @Max(1_000_000) Integer walkIns,
            @Schema(description = "Organisations that took part") @Size(max = 100) List<@NotNull UUID> organizationIds,
            @Schema(description = "Summary or minutes, for organisers and staff") @Size(max = 20_000) String summary,
            @Schema(description = "What the public sees of the report") @Size(max = 4000) String publicSummary,
            @Schema(description = "Haves and needs that came out of it") @Size(max = 50) List<@NotNull UUID> followUpListingIds,
            @Schema(description = "Projects that came out of it") @Size(max = 50) List<@NotNull UUID> followUpProjectIds) {
    }

    @Schema(name = "EventClosure", description = "Closes an event with its report")
    public record ClosureWrite(@NotNull @Valid ReportWrite report) {
    }

    @Schema(name = "EventOrganizer", description = "An organisation taking part in an event")
    public record OrganizationRef(UUID id, String name) {
    }

    @Schema(name = "EventLink", description = "A project or plan item an event is linked to")
    public record LinkRef(UUID id, String title) {
    }

    @Schema(name = "EventFeeView", description = "The fee")
    public record FeeView(boolean free, @Schema(nullable = true) Integer amountYen, @Schema(nullable = true) String note) {
    }

    @Schema(name = "EventCounts", description = "Registration counts, visible to everyone")
    public record Counts(
            @Schema(description = "Holding a seat: REGISTERED and ATTENDED") long registered,
            long waitlisted,
            long attended,
            @Schema(nullable = true, description = "Seats still free; null: unlimited") Integer seatsLeft) {
    }

    @Schema(name = "EventReport", description = "The closing report")
    public record ReportView(
            int attendeeCount,
            int walkIns,
            @Schema(description = "Attendees and walk-ins") int totalParticipants,
            List<OrganizationRef> organizations,
            @Schema(nullable = true, description = "Organisers and staff only") String summary,
            @Schema(nullable = true) String publicSummary,
            List<UUID> followUpListingIds,
            List<LinkRef> followUpProjects,
            OffsetDateTime closedAt) {
    }

    @Schema(name = "Event", description = "An event (きっかけづくり)")
    public record EventView(
            UUID id,
            String municipalityCode,
            @Schema(nullable = true, description = "Null: organised by the municipality") UUID organizationId,
            String organizerName,
            List<OrganizationRef> coOrganizers,
            EventKind kind,
            String kindLabel,
            String title,
            @Schema(nullable = true) String titleKana,
            @Schema(nullable = true) String titleEnglish,
            @Schema(nullable = true) String description,
            List<Theme> themes,
            List<String> themeLabels,
            @Schema(description = "Empty: city-wide") List<UUID> areaIds,
            EventMode mode,
            String modeLabel,
            @Schema(nullable = true) Venue venue,
            @Schema(nullable = true, description = "Only for registered people and organisers") String onlineUrl,
            OffsetDateTime startsAt,
            @Schema(nullable = true) OffsetDateTime endsAt,
            boolean allDay,
            @Schema(description = "年度 of the start date in Japan") int fiscalYear,
            String fiscalYearLabel,
            FeeView fee,
            @Schema(nullable = true, description = "Null: unlimited") Integer capacity,
            int heldSeats,
            @Schema(nullable = true) OffsetDateTime registrationOpensAt,
            @Schema(nullable = true) OffsetDateTime registrationClosesAt,
            @Schema(description = "Whether registration is open now") boolean registrationOpen,
            boolean guestsAllowed,
            @Schema(description = "Hours before the start at which registrants are reminded (0: none)") int reminderHours,
            List<Question> questions,
            @Schema(nullable = true) Contact contact,
            EventStatus status,
            String statusLabel,
            boolean listed,
            @Schema(nullable = true) OffsetDateTime publishedAt,
            @Schema(nullable = true) String cancellationReason,
            @Schema(nullable = true) OffsetDateTime cancelledAt,
            Counts counts,
            @Schema(description = "Names of registrants who chose to show their participation publicly")
            List<String> publicParticipants,
            @Schema(nullable = true) ReportView report,
            List<LinkRef> projects,
            List<LinkRef> planItems,
            @Schema(description = "Whether the caller organises it (or is staff of the municipality)") boolean organizer,
            @Schema(nullable = true, description = "The caller's live registration") UUID myRegistrationId,
            @Schema(nullable = true) RegistrationStatus myRegistrationStatus,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
    }

    // ---- registrations ----

    @Schema(name = "EventGuest", description = "A guest registering without an account")
    public record GuestWrite(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Email @Size(max = 254) String email) {
    }

    @Schema(name = "EventAnswer", description = "An answer to an extra question: text for TEXT, choices for the "
            + "choice questions, checked for CHECKBOX")
    public record Answer(
            @NotBlank @Size(max = 40) String key,
            @Size(max = 4000) @Schema(nullable = true) String text,
            @Size(max = 20) List<@NotNull @Size(max = 200) String> choices,
            @Schema(nullable = true) Boolean checked) {
    }

    @Schema(name = "EventRegistrationWrite", description = "A registration: a signed-in person, or a guest where allowed")
    public record RegistrationWrite(
            @Schema(nullable = true, description = "For a guest without an account; omit when signed in") @Valid GuestWrite guest,
            @Size(max = 20) List<@NotNull @Valid Answer> answers,
            @Schema(description = "Show my participation publicly (off by default)") Boolean showPublicly) {
    }

    @Schema(name = "EventCheckIn", description = "A check-in by code (typed or scanned) or by registration id")
    public record CheckInWrite(
            @Size(max = 40) @Schema(nullable = true) String code,
            @Schema(nullable = true) UUID registrationId) {
    }

    @Schema(name = "EventRegistration", description = "A registration, as the registrant and the organisers see it")
    public record RegistrationView(
            UUID id,
            UUID eventId,
            String eventTitle,
            OffsetDateTime eventStartsAt,
            EventStatus eventStatus,
            @Schema(nullable = true) UUID userId,
            @Schema(nullable = true, description = "Display name, or the guest's name; null once erased") String name,
            @Schema(nullable = true, description = "A guest's e-mail; null once erased") String email,
            boolean guest,
            RegistrationStatus status,
            String statusLabel,
            @Schema(nullable = true, description = "Place on the waitlist, from 1") Integer waitlistPosition,
            @Schema(description = "Check-in code as shown: XXXX-XXXX") String code,
            @Schema(description = "The code as a QR image (SVG)") String qrSvg,
            List<Answer> answers,
            boolean showPublicly,
            @Schema(nullable = true) OffsetDateTime checkedInAt,
            @Schema(nullable = true) OffsetDateTime promotedAt,
            @Schema(nullable = true) OffsetDateTime cancelledAt,
            OffsetDateTime createdAt,
            long version) {
    }
}
