package io.rtmtoken.issuance;

import java.time.Clock;
import java.time.Instant;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Service;

import io.rtmtoken.credentials.AgoraCredentials;
import io.rtmtoken.format.RtmTokens;

/** Mints RTM tokens signed with the primary App Certificate, at the injected clock's time and with random salts. */
@Service
public class RtmTokenIssuer {

    /** Agora's reference builders draw salts from 1 to this bound. */
    static final int MAX_SALT = 99_999_999;

    private final AgoraCredentials credentials;

    private final Clock clock;

    private final RandomGenerator saltSource;

    RtmTokenIssuer(AgoraCredentials credentials, Clock clock, RandomGenerator saltSource) {
        this.credentials = credentials;
        this.clock = clock;
        this.saltSource = saltSource;
    }

    /** Mints a token letting the user log in to RTM for the lifetime, counted from now. */
    public IssuedToken issue(String userAccount, TokenVersion version, long expireSeconds) {
        long issueTs = clock.instant().getEpochSecond();
        int salt = saltSource.nextInt(MAX_SALT) + 1;

        String token = switch (version) {
            case V006 -> RtmTokens.build006(credentials.appId(), credentials.primary(), userAccount, salt,
                    issueTs + RtmTokens.TOKEN_006_TS_OFFSET_SECONDS, issueTs + expireSeconds);
            case V007 -> RtmTokens.build007(credentials.appId(), credentials.primary(), userAccount, issueTs,
                    expireSeconds, salt);
        };
        return new IssuedToken(token, version, userAccount, Instant.ofEpochSecond(issueTs),
                Instant.ofEpochSecond(issueTs + expireSeconds));
    }
}
