import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The raw message with quoted-printable and base64 bodies decoded, enough to read links. */
  text: string;
}

function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Base64 body blocks (long runs of base64 lines) are appended decoded. */
function decodeBase64Blocks(raw: string): string {
  const blocks = raw.match(/(?:^[A-Za-z0-9+/=]{20,}\r?\n)+/gm) ?? [];
  return blocks
    .map((block) => Buffer.from(block.replace(/\s/g, ''), 'base64').toString('utf8'))
    .join('\n');
}

function decodeSubject(header: string): string {
  return header.replace(
    /=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi,
    (_m, encoding: string, value: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(value, 'base64').toString('utf8')
        : decodeQuotedPrintable(value.replaceAll('_', ' ')),
  );
}

/**
 * A real SMTP server on loopback that keeps every message. The app sends its mail before it
 * answers the request, so a message is here as soon as the API call that caused it has returned.
 */
export class Mailbox {
  readonly mails: ReceivedMail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
        this.mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: decodeSubject(subjectLine.replace(/\r?\n[ \t]/g, ' ')),
          text: `${decodeQuotedPrintable(raw)}\n${decodeBase64Blocks(raw)}`,
        });
        callback();
      });
    },
  });

  /** Listens on a random loopback port; returns the `SMTP_URL` to give the app. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  messagesTo(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** The last mail sent to `address`; fails the test if there is none. */
  lastTo(address: string): ReceivedMail {
    const last = this.messagesTo(address).at(-1);
    if (!last) throw new Error(`no mail to ${address}`);
    return last;
  }

  /** The invitation link of the last message sent to `address`. */
  invitationLink(address: string): string {
    return linkIn(this.lastTo(address), '/invitation/');
  }

  invitationToken(address: string): string {
    return this.invitationLink(address).split('/invitation/')[1]!;
  }
}

/** The first link in the mail whose URL contains `path`. */
export function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]*${path}[^\\s"<>]*`).exec(mail.text);
  if (!match) throw new Error(`no link to ${path} in mail “${mail.subject}”`);
  return match[0].replaceAll('&amp;', '&');
}
