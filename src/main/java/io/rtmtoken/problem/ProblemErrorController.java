package io.rtmtoken.problem;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/** Answers errors raised outside Spring MVC (the servlet container's own rejections) as problems too. */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));

        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (status.is5xxServerError()) {
            problem.setDetail("The service failed to handle the request.");
        }
        return ProblemHandler.problem(problem);
    }

    private static HttpStatus statusOf(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null && status.isError() ? status : HttpStatus.NOT_FOUND;
    }
}
