package io.rtmtoken.problem;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last-resort error report, as a problem instead of an HTML page: it answers the requests Tomcat rejects
 * itself (a malformed request line or header, a header or URL over the size limit) before the application sees
 * them. It never echoes the request or the failure.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }

        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The client is gone or the response already started: nothing more can be sent.
        }
    }

    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = status == HttpStatus.INTERNAL_SERVER_ERROR.value()
                ? ",\"detail\":\"The service failed to handle the request.\"" : "";
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + detail + "}";
    }
}
