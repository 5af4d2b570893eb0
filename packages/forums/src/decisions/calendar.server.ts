import { createEvent } from "ics";

export interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  link: string;
  agenda: readonly string[];
  cancelledAt: Date | null;
  createdAt: Date;
}

/**
 * A meeting as an iCalendar file (RFC 5545), written by the `ics` library. Times are in
 * UTC ("Z"), so every calendar app shows them in its own zone. The UID is the meeting's id
 * under a fixed domain (never the request's Host), so importing the file again updates the same event instead of
 * adding a second; a cancelled meeting says so (STATUS:CANCELLED).
 */
export function meetingCalendar(meeting: CalendarMeeting, options: { url: string; forum: string; agendaLabel: string }): string {
  const description = [options.forum, meeting.agenda.length ? `${options.agendaLabel}\n${meeting.agenda.map((a, i) => `${i + 1}. ${a}`).join("\n")}` : "", options.url].filter(Boolean).join("\n\n");
  const { error, value } = createEvent({
    uid: `${meeting.id}@forums.commons`,
    productId: "commons/forums",
    title: meeting.title,
    description,
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: meeting.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    ...(meeting.place ? { location: meeting.place } : meeting.link ? { location: meeting.link } : {}),
    url: meeting.link || options.url,
    status: meeting.cancelledAt ? "CANCELLED" : "CONFIRMED",
    created: meeting.createdAt.getTime(),
  });
  if (error || !value) throw error ?? new Error("The calendar file could not be written.");
  return value;
}
