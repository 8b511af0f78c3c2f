// Sending e-mail, behind a small interface so the app can be built with another transport. The real
// one is nodemailer over the --smtp URL, with timeouts so a dead mail server cannot hang a reply.

export interface MailMessage {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** nodemailer is loaded only when a mail server is configured: it is a fair part of the start-up time. */
export async function smtpMailer(url: string): Promise<Mailer> {
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as object);
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close() {
      transport.close();
    },
  };
}
