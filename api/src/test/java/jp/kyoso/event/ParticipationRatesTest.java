package jp.kyoso.event;

import jp.kyoso.event.ParticipationFunnel.Figures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rates per 1,000 residents: two decimals, half-up; none without a population. */
class ParticipationRatesTest {

    @Test
    void perThousandResidentsHasTwoDecimalsRoundedHalfUp() {
        assertEquals(new BigDecimal("2.00"), ParticipationService.per1000(4, 2000));
        assertEquals(new BigDecimal("0.33"), ParticipationService.per1000(1, 3000));
        assertEquals(new BigDecimal("0.67"), ParticipationService.per1000(2, 3000));
        // 1 / 8000 × 1000 = 0.125 → 0.13 (half-up)
        assertEquals(new BigDecimal("0.13"), ParticipationService.per1000(1, 8000));
        assertEquals(new BigDecimal("0.00"), ParticipationService.per1000(0, 12345));
    }

    @Test
    void everyRateOfAnAreaWithAPopulationAndNoneWithout() {
        Figures f = new Figures(2, 5, 4, 3, 2, 3, 7);
        var rates = ParticipationService.rates(f, 2000);
        assertEquals(new BigDecimal("2.50"), rates.registrations());
        assertEquals(new BigDecimal("2.00"), rates.attendees());
        assertEquals(new BigDecimal("1.50"), rates.firstTimeAttendees());
        assertEquals(new BigDecimal("1.00"), rates.steppedUp());
        assertEquals(new BigDecimal("3.50"), rates.headcount());
        assertEquals(1, f.repeatAttendees());
        assertNull(ParticipationService.rates(f, null));
        assertNull(ParticipationService.rates(f, 0));
    }
}
