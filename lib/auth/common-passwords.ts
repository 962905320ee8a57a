/**
 * Passwords that appear at the top of every breach list. Refused outright: an attacker tries
 * these first, and the per-account delays (rate-limit.ts) would let a few of them through.
 * Compared case-insensitively after removing spaces, so "Pass Word1" matches "password1".
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '123456789', '12345678', '1234567890', '12345', '1234567', 'password', 'password1', 'password12',
  'password123', 'password1234', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'qwerty', 'qwerty123', 'qwertyuiop',
  'qwerty12345', 'qwertyui', 'qwerty1234', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'zaq12wsx', 'asdfghjkl',
  'asdfasdf', 'asdf1234', 'zxcvbnm', 'zxcvbnm1', 'abc12345', 'abcd1234', 'abcdefgh', 'iloveyou', 'iloveyou1',
  'iloveyou2', 'sunshine', 'sunshine1', 'princess', 'princess1', 'football', 'football1', 'baseball',
  'baseball1', 'basketball', 'superman', 'batman123', 'starwars', 'welcome1', 'welcome123', 'welcome',
  'letmein1', 'letmein123', 'trustno1', 'dragon123', 'monkey123', 'master123', 'shadow123', 'michael1',
  'jennifer', 'jordan23', 'liverpool', 'chelsea1', 'arsenal1', 'manchester', 'computer', 'internet',
  'whatever', 'whatever1', 'changeme', 'changeme1', 'changeme123', 'default1', 'administrator', 'admin123',
  'admin1234', 'adminadmin', 'administrator1', 'root1234', 'toor1234', 'secret123', 'secret12', 'mypassword',
  'newpassword', 'mypass123', 'passpass', 'password!', 'password01', 'letmein!', 'test1234', 'testtest',
  'test12345', 'testing123', 'guest123', 'user1234', 'login123', 'hello123', 'hellohello', 'helloworld',
  'goodluck', 'freedom1', 'charlie1', 'michelle', 'jessica1', 'ashley12', 'nicole12', 'daniel12',
  'matthew1', 'anthony1', 'qazwsxedc', 'q1w2e3r4', 'q1w2e3r4t5', '11111111', '111111111', '1111111111',
  '00000000', '000000000', '0000000000', '12341234', '12121212', '11223344', '123123123', '123qweasd',
  '1234qwer', '87654321', '987654321', '9876543210', '88888888', '99999999', '66666666', '55555555',
  '22222222', '77777777', '44444444', '33333333', '1qazxsw2', 'aaaaaaaa', 'abcabcabc', 'loveyou1',
  'lovelove', 'blink182', 'pokemon1', 'minecraft', 'fortnite', 'naruto123', 'samsung1', 'iphone123',
  'google123', 'facebook', 'facebook1', 'linkedin', 'yankees1', 'cowboys1', 'eagles12', 'steelers',
  'mustang1', 'corvette', 'ferrari1', 'porsche1', 'harley12', 'thailand', 'bangkok1', 'chiangmai',
  'broadsheet', 'newsroom', 'newspaper', 'journalist', 'editor123', 'author123', 'lannaledger',
]);
