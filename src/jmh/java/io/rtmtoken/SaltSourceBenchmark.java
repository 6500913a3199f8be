package io.rtmtoken;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** One salt as the issuer draws it, from each candidate salt source, with two threads drawing at once. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Threads(2)
public class SaltSourceBenchmark {

    @Param({"shared-default", "shared-drbg", "application"})
    public String source;

    private RandomGenerator saltSource;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        saltSource = switch (source) {
            case "shared-default" -> new SecureRandom();
            case "shared-drbg" -> SecureRandom.getInstance("DRBG");
            default -> new RtmTokenApplication().saltSource();
        };
    }

    @Benchmark
    public int nextSalt() {
        return saltSource.nextInt(99_999_999) + 1;
    }
}
