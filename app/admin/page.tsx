export default function AdminHome() {
  return <main className="p-6">Newsroom</main>;
}
