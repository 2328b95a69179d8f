package kr.gukdae.app.review;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import kr.gukdae.app.access.Access;
import kr.gukdae.app.access.Principal;
import kr.gukdae.app.access.Requires;
import kr.gukdae.app.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review workflow over HTTP. The office opens panels, assigns reviewers, attaches artefacts and
 * follows progress; a reviewer sees their own assignments, opens artefacts and saves or submits
 * sheets. Every handler checks the caller's role first.
 */
@RestController
@RequestMapping("/api/review")
class ReviewController {

  private final ReviewService reviews;
  private final Access access;

  ReviewController(ReviewService reviews, Access access) {
    this.reviews = reviews;
    this.access = access;
  }

  record PanelForm(int stage) {}

  record AssignForm(int stage, @Nullable String reviewer, @Nullable String team) {}

  record SheetForm(
      int stage,
      @Nullable String team,
      @Nullable Map<String, Double> items,
      @Nullable String comment,
      boolean submit) {}

  record Opened(long panel) {}

  record Done(boolean ok) {}

  record Attached(long artefact) {}

  record Saved(boolean ok, boolean submitted) {}

  @Requires(Role.OFFICE)
  @PostMapping("/panels")
  Opened open(@RequestBody PanelForm form, HttpServletRequest request) {
    Principal office = access.require(request, Role.OFFICE);
    return new Opened(reviews.openPanel(form.stage(), office.accountName()));
  }

  @Requires(Role.OFFICE)
  @PostMapping("/assignments")
  Done assign(@RequestBody AssignForm form, HttpServletRequest request) {
    Principal office = access.require(request, Role.OFFICE);
    reviews.assign(form.stage(), text(form.reviewer()), text(form.team()), office.accountName());
    return new Done(true);
  }

  record ArtefactForm(
      int stage,
      @Nullable String team,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String base64) {}

  /** An artefact as JSON with its bytes in base64 (what a browser's FileReader gives). */
  @Requires(Role.OFFICE)
  @PostMapping("/artefacts")
  Attached attach(@RequestBody ArtefactForm form, HttpServletRequest request) {
    Principal office = access.require(request, Role.OFFICE);
    byte[] content;
    try {
      content = java.util.Base64.getDecoder().decode(text(form.base64()));
    } catch (IllegalArgumentException e) {
      throw kr.gukdae.UserError.of(
          "base64: 올바른 base64가 아닙니다 (" + e.getMessage() + ")",
          "base64: not valid base64 (" + e.getMessage() + ")");
    }
    return new Attached(
        reviews.attach(
            form.stage(),
            text(form.team()),
            text(form.kind()),
            text(form.name()),
            content,
            office.accountName()));
  }

  /**
   * An artefact as the raw request body, streamed to disk and hashed on the way (reports and
   * training logs beyond the JSON body limit, up to {@code gukdae.review.max-artefact-bytes}). The
   * role is checked before a byte of the body is read.
   */
  @Requires(Role.OFFICE)
  @PostMapping("/artefacts/upload")
  ReviewService.Attached upload(
      @RequestParam int stage,
      @RequestParam String team,
      @RequestParam String kind,
      @RequestParam String name,
      HttpServletRequest request)
      throws java.io.IOException {
    Principal office = access.require(request, Role.OFFICE);
    return reviews.attach(
        stage, team.strip(), kind, name, request.getInputStream(), office.accountName());
  }

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/artefacts/{id}")
  ResponseEntity<org.springframework.core.io.Resource> artefact(
      @PathVariable long id, HttpServletRequest request) {
    Principal p = access.require(request, Role.OFFICE, Role.REVIEWER);
    ReviewService.Opened a = reviews.open(id, p.accountName(), p.has(Role.OFFICE));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.mediaType()))
        .contentLength(a.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline()
                .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header("X-Gukdae-Sha256", a.sha256())
        .body(new org.springframework.core.io.FileSystemResource(a.file()));
  }

  @Requires(Role.REVIEWER)
  @GetMapping("/mine")
  ReviewService.Mine mine(@RequestParam int stage, HttpServletRequest request) {
    Principal reviewer = access.require(request, Role.REVIEWER);
    return reviews.mine(stage, reviewer.accountName());
  }

  @Requires(Role.REVIEWER)
  @PutMapping("/sheets")
  Saved save(@RequestBody SheetForm form, HttpServletRequest request) {
    Principal reviewer = access.require(request, Role.REVIEWER);
    reviews.save(
        form.stage(),
        reviewer.accountName(),
        text(form.team()),
        form.items() == null ? Map.of() : form.items(),
        form.comment(),
        form.submit());
    return new Saved(true, form.submit());
  }

  @Requires(Role.OFFICE)
  @GetMapping("/progress")
  List<ReviewService.TeamProgress> progress(@RequestParam int stage, HttpServletRequest request) {
    access.require(request, Role.OFFICE);
    return reviews.progress(stage);
  }

  @Requires({Role.OFFICE, Role.REVIEWER})
  @GetMapping("/sheets/{id}")
  ReviewService.SheetDetail sheet(@PathVariable long id, HttpServletRequest request) {
    Principal p = access.require(request, Role.OFFICE, Role.REVIEWER);
    return reviews.sheet(id, p.accountName(), p.has(Role.OFFICE));
  }

  private static String text(@Nullable String s) {
    return s == null ? "" : s.strip();
  }
}
