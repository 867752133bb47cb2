/** Text of the account emails, written as plain functions so they are easy to test and translate. */
export function passwordResetEmail(input: { name: string; link: string; organisation: string }) {
  return {
    subject: 'Reset your Twofold password',
    text: [
      `Hello ${input.name},`,
      '',
      `Someone asked to reset the password of your Twofold account at ${input.organisation}.`,
      'To choose a new password, open this link within one hour:',
      '',
      input.link,
      '',
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

export function invitationEmail(input: {
  name: string;
  link: string;
  organisation: string;
  invitedBy: string;
}) {
  return {
    subject: `You are invited to Twofold at ${input.organisation}`,
    text: [
      `Hello ${input.name},`,
      '',
      `${input.invitedBy} invited you to Twofold, where ${input.organisation} runs feedback and development for leadership and management.`,
      'To set your password and log in, open this link within 7 days:',
      '',
      input.link,
    ].join('\n'),
  };
}
