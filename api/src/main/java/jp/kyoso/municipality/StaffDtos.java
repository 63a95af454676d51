package jp.kyoso.municipality;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.kyoso.core.security.StaffRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class StaffDtos {

    private StaffDtos() {
    }

    @Schema(name = "StaffMember", description = "A person on a municipality's staff (visible to that staff only)")
    public record StaffMemberView(UUID userId, @Schema(nullable = true) String name,
                                  @Schema(nullable = true) String email, StaffRole role, String roleLabel,
                                  OffsetDateTime since) {
    }

    @Schema(name = "StaffAppointment", description = "Who to appoint, by user id or by the e-mail of a user who has signed in once")
    public record StaffAppointment(UUID userId, @Email @Size(max = 254) String email, @NotNull StaffRole role) {
    }
}
