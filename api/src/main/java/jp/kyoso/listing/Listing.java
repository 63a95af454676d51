package jp.kyoso.listing;

import jp.kyoso.core.persistence.SearchableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 有る・無い: a HAVE or NEED of an organisation, with an optional quantity and availability
 * window. It knows its own status rules: EXPIRED is derived from the window, accepted matches
 * take quantity, a NEED whose quantity is all taken is MATCHED.
 */
@Entity
@Table(name = "listing")
public class Listing extends SearchableEntity {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    public ListingKind kind;

    @Enumerated(EnumType.STRING)
    public ListingCategory category;

    public String title;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] themes;

    public Integer quantity;

    @Column(name = "quantity_matched")
    public int quantityMatched;

    public String unit;

    @Column(name = "available_from")
    public LocalDate availableFrom;

    @Column(name = "available_until")
    public LocalDate availableUntil;

    /** The stored status: OPEN, MATCHED or CLOSED. Read {@link #statusOn(LocalDate)} for what clients see. */
    @Enumerated(EnumType.STRING)
    public ListingStatus status;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "match_keys")
    public String[] matchKeys;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "title_keys")
    public String[] titleKeys;

    /** The status as of {@code today}: an OPEN listing past its window is EXPIRED. */
    public ListingStatus statusOn(LocalDate today) {
        if (status == ListingStatus.OPEN && availableUntil != null && availableUntil.isBefore(today)) {
            return ListingStatus.EXPIRED;
        }
        return status;
    }

    public ListingStatus currentStatus() {
        return statusOn(JapanDate.today());
    }

    public boolean isOpen() {
        return currentStatus() == ListingStatus.OPEN;
    }

    /** What is left to match, or null when the listing has no quantity. */
    public Integer remaining() {
        return quantity == null ? null : quantity - quantityMatched;
    }

    /** Keeps the folded text, its bigrams and the matching keys in step with title and description. */
    public void reindex(ListingKeywords keywords) {
        index(title, description);
        matchKeys = keywords.keysOf(title, description);
        titleKeys = keywords.specific(keywords.keysOf(title, null));
    }

    /**
     * An accepted match takes {@code taken} of the quantity (null: the match names none). A NEED is
     * MATCHED once nothing is left, or at once when it has no quantity; a HAVE stays OPEN while
     * quantity is left, and when it has none (a venue, know-how) it stays OPEN for further matches.
     */
    public void take(Integer taken) {
        if (!isOpen()) {
            throw Problems.conflict(Label.of("「" + title + "」は募集中ではありません",
                    "\"" + title + "\" is no longer open"));
        }
        if (quantity != null && taken != null) {
            if (taken > remaining()) {
                throw Problems.conflict(Label.of("「" + title + "」の残りの数量（" + remaining() + "）を超えています",
                        "More than the quantity left of \"" + title + "\" (" + remaining() + ")"));
            }
            quantityMatched += taken;
        }
        boolean exhausted = quantity != null && remaining() == 0;
        if (exhausted || (kind == ListingKind.NEED && (quantity == null || taken == null))) {
            status = ListingStatus.MATCHED;
        }
        updatedAt = OffsetDateTime.now();
    }

    /** After the quantity was edited: MATCHED and OPEN follow what is left. */
    public void settleQuantity() {
        if (quantity == null || status == ListingStatus.CLOSED) {
            return;
        }
        if (remaining() == 0) {
            status = ListingStatus.MATCHED;
        } else if (status == ListingStatus.MATCHED) {
            status = ListingStatus.OPEN;
        }
    }

    public void close() {
        if (status == ListingStatus.CLOSED) {
            throw Problems.conflict(Label.of("この有る・無いは既に終了しています", "This listing is already closed"));
        }
        status = ListingStatus.CLOSED;
        updatedAt = OffsetDateTime.now();
    }

    public void reopen(LocalDate today) {
        if (status != ListingStatus.CLOSED) {
            throw Problems.conflict(Label.of("終了した有る・無いだけを再開できます", "Only a closed listing can be reopened"));
        }
        if (availableUntil != null && availableUntil.isBefore(today)) {
            throw Problems.conflict(Label.of("提供・募集の期間が終わっています。期間を延ばしてから再開してください",
                    "The availability window has ended; extend it before reopening"));
        }
        status = quantity != null && remaining() == 0 ? ListingStatus.MATCHED : ListingStatus.OPEN;
        updatedAt = OffsetDateTime.now();
    }
}
