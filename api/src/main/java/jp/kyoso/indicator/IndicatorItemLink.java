package jp.kyoso.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** That an indicator measures a plan item (推進項目). */
@Entity
@Table(name = "indicator_item")
public class IndicatorItemLink extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "indicator_id") UUID indicatorId,
                      @Column(name = "item_id") UUID itemId) implements Serializable {
    }

    @EmbeddedId
    public Key id;

    public static IndicatorItemLink of(UUID indicatorId, UUID itemId) {
        IndicatorItemLink link = new IndicatorItemLink();
        link.id = new Key(indicatorId, itemId);
        return link;
    }
}
