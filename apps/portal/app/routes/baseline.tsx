// The bench's yardstick: a route with no loader and no data, through the same document.
export default function Baseline() {
  return (
    <main id="main">
      <h1>Baseline</h1>
    </main>
  );
}
