package jp.kyoso.opendata;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.kyoso.core.persistence.VersionedEntity;

/** A municipality's open-data licence and the sites allowed to frame its embeds; its version is their ETag. */
@Entity
@Table(name = "open_data_settings")
public class OpenDataSettings extends VersionedEntity {

    @Id
    @Column(name = "municipality_code")
    public String municipalityCode;

    /** Null: CC BY 4.0. */
    @Column(name = "license_name")
    public String licenseName;

    @Column(name = "license_url")
    public String licenseUrl;

    @Column(name = "embed_origins")
    public String[] embedOrigins = new String[0];
}
