package jp.kyoso.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kyoso.core.i18n.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The notification settings of My page: which kinds are mailed, how often, in which language, to where. */
public final class NotificationSettingsDtos {

    private NotificationSettingsDtos() {
    }

    @Schema(name = "NotificationSettings", description = "The signed-in person's mail settings; the ETag is their version")
    public record NotificationSettingsView(
            @Schema(nullable = true, description = "The address mails go to instead of the account's; null: the account's") String email,
            @Schema(nullable = true, description = "The account's address, from the identity provider") String accountEmail,
            Language language,
            @Schema(description = "The local hour (Asia/Tokyo) of the daily and weekly digests") int digestHour,
            String timeZone,
            List<KindSettingView> kinds) {
    }

    @Schema(name = "NotificationKindSetting")
    public record KindSettingView(NotificationKind kind, String label, boolean enabled, MailFrequency frequency,
                                  String frequencyLabel, MailFrequency defaultFrequency) {
    }

    @Schema(name = "NotificationSettingsWrite", description = "Replaces the settings; kinds left out keep theirs")
    public record NotificationSettingsWrite(
            @Email @Size(max = 254) String email,
            @NotNull Language language,
            @NotNull @Min(0) @Max(23) Integer digestHour,
            @NotNull @Size(max = 50) List<@Valid @NotNull KindSettingWrite> kinds) {
    }

    @Schema(name = "NotificationKindSettingWrite")
    public record KindSettingWrite(@NotNull NotificationKind kind, @NotNull Boolean enabled,
                                   @NotNull MailFrequency frequency) {
    }
}
