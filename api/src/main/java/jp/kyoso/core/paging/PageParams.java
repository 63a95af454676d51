package jp.kyoso.core.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The page a client asks for: {@code page} from 0, {@code size} 1–100 (default 20). */
public class PageParams {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(100_000)
    @Parameter(description = "Page number, from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Page size, 1 to 100")
    public int size;

    public static PageParams of(int page, int size) {
        PageParams p = new PageParams();
        p.page = page;
        p.size = size;
        return p;
    }

    public int offset() {
        return page * size;
    }
}
