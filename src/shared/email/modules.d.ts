// role-based-email-addresses ships no types: it exports an array of mailbox names.
declare module 'role-based-email-addresses' {
  const roles: string[];
  export default roles;
}
