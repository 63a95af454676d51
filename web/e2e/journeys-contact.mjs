// Contact through the platform: unpublished contact details stay hidden, and a resident
// reaches the organisation with a message instead. Each screen is checked for accessibility.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

// 赤崎地区セーフティネットワーク: owned by sanyo-owner, its e-mail address is not published.
const SAFETY_NET = '19264b0a-29c0-4041-a7b6-095832e60a4d';
const SAFETY_NET_NAME = '赤崎地区セーフティネットワーク';
const UNPUBLISHED_EMAIL = 'akasaki-safety@example.jp';
const SUBJECT = '見守り活動に参加したい';
const REPLY = '土曜の朝九時に赤崎集会所へお越しください。';

export const contactJourneys = [
  {
    name: 'a resident messages an organisation whose address is not published; the owner answers and the resident reads it',
    async run(page, { base, screen, signIn, newPage }) {
      // The public page shows no unpublished address, only the way to write.
      await page.goto(`${base}/organizations/${SAFETY_NET}`);
      await expectVisible(page.getByRole('heading', { name: SAFETY_NET_NAME, level: 1 }), 'organisation page');
      await expectVisible(page.getByRole('heading', { name: 'メッセージを送る' }), 'message section');
      if ((await page.content()).includes(UNPUBLISHED_EMAIL)) throw new Error('the unpublished e-mail address is on the public page');
      if (await page.locator('a[href^="mailto:"]').count()) throw new Error('a mailto link is on the public page');
      await expectVisible(page.getByRole('link', { name: 'メッセージを送るにはログインしてください' }), 'sign-in link');

      // The resident signs in and writes; an empty form names its fields first.
      await signIn('resident');
      await page.goto(`${base}/organizations/${SAFETY_NET}`);
      await expectVisible(page.locator('#message-subject'), 'message form');
      await page.getByRole('button', { name: '送信する' }).click();
      await expectVisible(page.locator('#message-subject-error'), 'error next to the subject');
      await page.fill('#message-subject', SUBJECT);
      await page.fill('#message-body', '週末なら手伝えます。どこに集まればよいですか。');
      await page.getByRole('button', { name: '送信する' }).click();
      await expectVisible(page.getByText('メッセージを送りました'), 'sent notice');
      if ((await page.content()).includes(UNPUBLISHED_EMAIL)) throw new Error('the unpublished e-mail address is shown to a resident');
      await screen('c01-message-sent');

      // The owner, in their own browser, finds it in the organisation's inbox and answers.
      const owner = await newPage();
      await owner.goto(`${base}/organizations/${SAFETY_NET}`);
      await signIn('sanyo-owner', owner);
      await owner.goto(`${base}/organizations/${SAFETY_NET}`);
      await expectVisible(owner.getByRole('heading', { name: '団体に届いたメッセージ' }), 'organisation inbox');
      const message = owner.getByTestId('message').filter({ hasText: SUBJECT });
      await expectVisible(message, 'the message in the inbox');
      await expectVisible(message.getByText(/送り主: /), 'the sender by display name');
      await expectVisible(owner.locator('a[href^="mailto:"]'), 'every contact field for the owner');
      await message.getByLabel('返信').fill(REPLY);
      await message.getByRole('button', { name: '返信する' }).click();
      await expectVisible(message.getByTestId('message-reply').filter({ hasText: REPLY }), 'the reply in the conversation');

      // The edit form offers a publish checkbox per field, unticked unless chosen.
      await owner.goto(`${base}/organizations/${SAFETY_NET}/edit`);
      await expectVisible(owner.locator('#publishEmail'), 'publish checkbox for the e-mail');
      if (await owner.locator('#publishEmail').isChecked()) throw new Error('the e-mail address is published by default');

      // The resident reads the answer on My page, signed by the organisation.
      await page.goto(`${base}/me`);
      await expectVisible(page.getByRole('heading', { name: '団体に送ったメッセージ' }), 'my messages');
      const mine = page.getByTestId('message').filter({ hasText: SUBJECT });
      await expectVisible(mine.getByTestId('message-reply').filter({ hasText: REPLY }), 'the reply on My page');
      await expectVisible(mine.getByTestId('message-reply').filter({ hasText: SAFETY_NET_NAME }), 'signed by the organisation');
      await screen('c02-reply-on-my-page');
    },
  },
];
