package dev.tradekit.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * Access tokens: HS256 JWTs with a short life. Only HS256 signed with this server's key is
 * accepted: {@code alg: none}, another algorithm, another key, a changed payload or an expired
 * token are all refused.
 */
final class Tokens {
  static final String ISSUER = "tradekit";

  record Principal(String userId, String name, String role, String csrf) {}

  private final byte[] key;
  private final Clock clock;
  private final Duration life;

  Tokens(byte[] key, Clock clock, Duration life) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the token key must be at least 32 bytes");
    }
    this.key = key.clone();
    this.clock = clock;
    this.life = life;
  }

  Duration life() {
    return life;
  }

  String issue(Store.User user, String csrf) {
    long now = clock.millis();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user.id())
            .claim("name", user.name())
            .claim("role", user.role())
            .claim("csrf", csrf)
            .jwtID(Ids.token(12))
            .issueTime(new Date(now))
            .expirationTime(new Date(now + life.toMillis()))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies an access token.
   *
   * @throws ApiException 401 with a reason that names no secret
   */
  Principal verify(String token) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw ApiException.unauthorized("the access token is not a signed JWT");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw ApiException.unauthorized("the access token must be signed with HS256");
    }
    try {
      if (!jwt.verify(new MACVerifier(key))) {
        throw ApiException.unauthorized("the access token's signature is not valid");
      }
    } catch (JOSEException e) {
      throw ApiException.unauthorized("the access token's signature is not valid");
    }
    try {
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      Date exp = c.getExpirationTime();
      if (exp == null || exp.getTime() <= clock.millis()) {
        throw ApiException.unauthorized("the access token has expired");
      }
      if (!ISSUER.equals(c.getIssuer())) {
        throw ApiException.unauthorized("the access token was not issued by this server");
      }
      String sub = c.getSubject();
      String name = c.getStringClaim("name");
      String role = c.getStringClaim("role");
      String csrf = c.getStringClaim("csrf");
      if (sub == null || name == null || role == null || csrf == null) {
        throw ApiException.unauthorized("the access token lacks required claims");
      }
      return new Principal(sub, name, role, csrf);
    } catch (ParseException e) {
      throw ApiException.unauthorized("the access token's claims are not valid");
    }
  }
}
